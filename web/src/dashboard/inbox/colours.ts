/** Label colours: the palette offered, the check the server makes, and readable text on them. */
export { HEX6 as COLOUR, luminance, readableOn } from '../../shared/logic/contrast';

/** The colours offered for a new label (all readable with black or white text). */
export const PALETTE = ['#2f6fde', '#177245', '#b42318', '#c9a400', '#7a3fbf', '#5b6475'];
