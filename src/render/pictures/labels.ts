/**
 * Places labels beside points without covering another label or any point: each label tries the
 * spots around its point in turn (right, left, above, below, the corners), then the same spots
 * further out with a leader line; a label that finds no room is left to the caller (which numbers
 * it). Greedy, in the order given: put the labels that matter most first.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  /** The point the label names, and the radius of its mark. */
  x: number;
  y: number;
  radius: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  box: Box;
  /** Where the leader line starts, when the label stands apart from its point. */
  leader?: { x: number; y: number };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, area: Box) =>
  a.x >= area.x &&
  a.y >= area.y &&
  a.x + a.width <= area.x + area.width &&
  a.y + a.height <= area.y + area.height;

/** The spots around a point, nearest first: offsets of the label's box for a gap `gap` from the mark. */
function candidates(request: LabelRequest, gap: number): Box[] {
  const { x, y, width: w, height: h } = request;
  const d = request.radius + gap;
  const spots: [number, number][] = [
    [x + d, y - h / 2],
    [x - d - w, y - h / 2],
    [x - w / 2, y - d - h],
    [x - w / 2, y + d],
    [x + d * 0.7, y - d * 0.7 - h],
    [x + d * 0.7, y + d * 0.7],
    [x - d * 0.7 - w, y - d * 0.7 - h],
    [x - d * 0.7 - w, y + d * 0.7],
  ];
  return spots.map(([bx, by]) => ({ x: bx, y: by, width: w, height: h }));
}

/** The point of a box nearest to (x, y): where a leader line from the point meets the label. */
function nearestPoint(box: Box, x: number, y: number): { x: number; y: number } {
  return {
    x: Math.min(Math.max(x, box.x), box.x + box.width),
    y: Math.min(Math.max(y, box.y), box.y + box.height),
  };
}

export class LabelLayout {
  private readonly marks: Box[] = [];
  private readonly taken: Box[] = [];

  constructor(
    private readonly area: Box,
    /** The marks of every point: no label covers one. */
    marks: readonly { x: number; y: number; radius: number }[],
  ) {
    for (const mark of marks) {
      this.marks.push({
        x: mark.x - mark.radius - 1,
        y: mark.y - mark.radius - 1,
        width: 2 * mark.radius + 2,
        height: 2 * mark.radius + 2,
      });
    }
  }

  private free(box: Box): boolean {
    return (
      inside(box, this.area) &&
      !this.marks.some((other) => overlaps(box, other)) &&
      !this.taken.some((other) => overlaps(box, other))
    );
  }

  /** Reserves a box that labels must avoid (a legend, a title). */
  reserve(box: Box): void {
    this.taken.push(box);
  }

  /** Finds room for a label and takes it, or returns undefined. */
  place(request: LabelRequest, gaps: readonly number[] = [3, 18, 36]): PlacedLabel | undefined {
    for (const gap of gaps) {
      for (const box of candidates(request, gap)) {
        if (!this.free(box)) continue;
        this.taken.push(box);
        if (gap <= 3) return { box };
        const end = nearestPoint(box, request.x, request.y);
        return { box, leader: end };
      }
    }
    return undefined;
  }

  /** Places a label even if it must overlap other labels (never a mark where it can help it). */
  force(request: LabelRequest): PlacedLabel {
    const spots = candidates(request, 3);
    const box =
      spots.find((b) => inside(b, this.area) && !this.marks.some((o) => overlaps(b, o))) ??
      spots.find((b) => inside(b, this.area)) ??
      (spots[0] as Box);
    this.taken.push(box);
    return { box };
  }
}
