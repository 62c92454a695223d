/**
 * Small helpers that keep the SVG text stable (snapshot tests compare it): coordinates rounded to
 * a tenth of a pixel, attributes in the order given, no generated ids.
 */

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate rounded to a tenth of a pixel. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

type Attrs = Record<string, string | number | undefined>;

function attrs(values: Attrs): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? px(value) : esc(value as string)}"`)
    .join('');
}

export function el(name: string, values: Attrs, children = ''): string {
  return children === '' ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;
}

export interface TextStyle {
  size: number;
  weight?: 'regular' | 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /** A white outline under the letters, so text stays readable over lines and land. */
  halo?: boolean;
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  return el(
    'text',
    {
      x,
      y,
      'font-size': style.size,
      'font-weight': style.weight === 'bold' ? 700 : undefined,
      fill: style.fill ?? '#1a1a1a',
      'text-anchor': style.anchor && style.anchor !== 'start' ? style.anchor : undefined,
      stroke: style.halo ? '#ffffff' : undefined,
      'stroke-width': style.halo ? 3 : undefined,
      'stroke-linejoin': style.halo ? 'round' : undefined,
      'paint-order': style.halo ? 'stroke' : undefined,
    },
    esc(content),
  );
}

/** The document: a white page of a fixed size, every text in the given font family. */
export function svgDocument(width: number, height: number, family: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(family)}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

/**
 * A file name in plain ASCII (chat clients and shells mangle others): `kind-words.png`, accents
 * dropped, words of other scripts left out.
 */
export function fileNameOf(kind: string, words: readonly string[]): string {
  const slug = words
    .join('-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug ? `${kind}-${slug}` : kind}.png`;
}
