/** A translated sentence with elements (keys, links) put where its {placeholders} are. */
import { Fragment, type ReactNode } from 'react';

export function withKeys(sentence: string, parts: Record<string, ReactNode>): ReactNode[] {
  return sentence.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name && name in parts ? parts[name] : piece}</Fragment>;
  });
}
