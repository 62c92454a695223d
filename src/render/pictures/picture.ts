/** A drawn figure, ready to upload: the PNG, its size in pixels, its alt text and a file name. */
export interface Picture {
  png: Uint8Array;
  width: number;
  height: number;
  /** What the picture shows, in the reader's language, for screen readers and text-only clients. */
  alt: string;
  fileName: string;
}

/** A figure drawn as SVG, before rasterizing: the same fields but the vector text. */
export interface Drawing {
  svg: string;
  width: number;
  height: number;
  alt: string;
  fileName: string;
  /** Whether any text needs a CJK font, so the rasterizer loads one only then. */
  cjk: boolean;
}
