// @vitest-environment jsdom
// The column chart draws at the width of its card: a wide card gets a wide chart with more day labels, a phone a
// narrow one with fewer, and both follow the card when it is resized.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColumnChart } from './charts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom lays nothing out: every element reports this width, and the test resizes it by hand. */
let cardWidth = 0;
const observers: (() => void)[] = [];

class FakeResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observers.push(this.callback);
  }
  disconnect() {}
}

const days = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-11-${String(i + 1).padStart(2, '0')}`,
  count: i % 4,
}));

let root: Root | null = null;
let container: HTMLElement | null = null;

beforeEach(() => {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FakeResizeObserver;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => cardWidth,
  });
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  observers.length = 0;
  delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function renderChart(): HTMLElement {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root?.render(<ColumnChart title="New chats per day" data={days} />));
  return container;
}

const svgWidth = (el: HTMLElement) => el.querySelector('svg')?.getAttribute('width');
const dayLabels = (el: HTMLElement) => el.querySelectorAll('svg text[text-anchor="middle"]').length;

describe('ColumnChart', () => {
  it('draws at the width of a wide card, with a label every other day', () => {
    cardWidth = 1230;
    const el = renderChart();
    expect(svgWidth(el)).toBe('1230');
    expect(el.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 1230 220');
    expect(dayLabels(el)).toBe(15);
    expect(el.querySelectorAll('rect')).toHaveLength(30);
  });

  it('draws narrow on a phone, with few labels, and follows the card when it grows', () => {
    cardWidth = 296;
    const el = renderChart();
    expect(svgWidth(el)).toBe('296');
    expect(dayLabels(el)).toBe(3);
    cardWidth = 700;
    act(() => observers.forEach((notify) => notify()));
    expect(svgWidth(el)).toBe('700');
    expect(dayLabels(el)).toBe(8);
  });

  it('keeps its default drawing where the card cannot be measured', () => {
    cardWidth = 0;
    expect(svgWidth(renderChart())).toBe('640');
  });
});
