/**
 * The colours of kim's messages as ANSI escape codes, written as chalk writes them (the same bytes: a
 * style's closing code inside the text reopens it, a line break closes and reopens it, an empty text stays
 * empty). kim decides the colour level itself (terminal.ts colorLevel), so chalk's own detection, its
 * 256-colour tables and the tty module it loads were start-up cost for the eight styles below
 * (docs/performance.md).
 */
export type Paint = (text: string) => string;
export type Style = Paint & { bold: Paint };

export interface Colors {
  red: Style;
  green: Style;
  yellow: Style;
  cyan: Style;
  dim: Style;
  bold: Paint;
}

interface Styler {
  open: string;
  close: string;
  parent?: Styler;
}

const sgr = (code: number): string => `\u001b[${code}m`;

/** Colours on (colour level ≥ 1: these styles are the same at every level) or off (the text as it is). */
export function colors(on: boolean): Colors {
  const paint = (styler: Styler): Paint => {
    let openAll = '';
    let closeAll = '';
    for (let s: Styler | undefined = styler; s; s = s.parent) {
      openAll = s.open + openAll;
      closeAll += s.close;
    }
    return (text) => {
      if (!on || !text) return text;
      if (text.includes('\u001b')) for (let s: Styler | undefined = styler; s; s = s.parent) text = text.split(s.close).join(s.close + s.open);
      return openAll + text.replace(/\r?\n/g, (lf) => closeAll + lf + openAll) + closeAll;
    };
  };
  const bold = (parent?: Styler): Styler => ({ open: sgr(1), close: sgr(22), ...(parent ? { parent } : {}) });
  const style = (open: number, close: number): Style => {
    const styler = { open: sgr(open), close: sgr(close) };
    return Object.assign(paint(styler), { bold: paint(bold(styler)) });
  };
  return { red: style(31, 39), green: style(32, 39), yellow: style(33, 39), cyan: style(36, 39), dim: style(2, 22), bold: paint(bold()) };
}
