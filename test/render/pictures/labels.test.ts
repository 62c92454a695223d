import { describe, expect, it } from 'vitest';
import { type Box, LabelLayout } from '../../../src/render/pictures/labels.ts';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('label placement', () => {
  it('GIVEN thirty points crowded together THEN no placed label covers another label or any point, and the rest are left to number', () => {
    const area = { x: 0, y: 0, width: 400, height: 300 };
    const points = Array.from({ length: 30 }, (_, i) => ({
      x: 180 + ((i * 37) % 60),
      y: 130 + ((i * 23) % 40),
      radius: 4.5,
    }));
    const layout = new LabelLayout(area, points);
    const placed = points.map((p) => layout.place({ ...p, width: 60, height: 16 }));
    const boxes = placed.flatMap((label) => (label ? [label.box] : []));
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.length).toBeLessThan(30);
    for (const [i, box] of boxes.entries()) {
      for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
      for (const p of points) {
        expect(
          overlaps(box, { x: p.x - p.radius, y: p.y - p.radius, width: 2 * p.radius, height: 2 * p.radius }),
        ).toBe(false);
      }
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 400 && box.y + box.height <= 300).toBe(true);
    }
    // A label set apart from its point says whose it is with a leader line.
    expect(placed.some((label) => label?.leader !== undefined)).toBe(true);
  });

  it('GIVEN room on the right THEN a label sits right of its point, level with it', () => {
    const layout = new LabelLayout({ x: 0, y: 0, width: 400, height: 300 }, [{ x: 100, y: 100, radius: 4 }]);
    const label = layout.place({ x: 100, y: 100, radius: 4, width: 50, height: 16 });
    expect(label).toEqual({ box: { x: 107, y: 92, width: 50, height: 16 } });
  });
});
