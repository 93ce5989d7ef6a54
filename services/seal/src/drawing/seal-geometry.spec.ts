import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { townGovernmentName } from '../seals/seal-naming';
import { approvalSealGeometry, APPROVAL_SEAL_PURPOSE, SEAL_DIAMETER_MM } from './seal-geometry';
import { sealSvg } from './seal-svg';

const distance = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

function seededAuthorities(): string[] {
  return ['140525', '140521'].flatMap((county) => {
    const file = JSON.parse(
      readFileSync(join(__dirname, '../../../../seeds/divisions', `${county}.json`), 'utf8'),
    ) as { county: { name: string }; towns: { name: string }[] };
    return file.towns.map((town) => townGovernmentName(file.county.name, town.name));
  });
}

describe('the approval seal drawing', () => {
  const geometry = approvalSealGeometry('泽州县南村镇人民政府');

  it('is a 42 mm ring with a regular five-pointed star at its centre', () => {
    expect(geometry.diameter).toBe(SEAL_DIAMETER_MM);
    expect(geometry.ringRadius + geometry.ringWidth / 2).toBeCloseTo(21, 6);
    expect(geometry.star).toHaveLength(10);
    const outer = geometry.star.filter((_, index) => index % 2 === 0).map(distance);
    const inner = geometry.star.filter((_, index) => index % 2 === 1).map(distance);
    outer.forEach((radius) => expect(radius).toBeCloseTo(7, 6));
    inner.forEach((radius) => expect(radius).toBeCloseTo(7 * 0.381966, 4));
    // The first point is straight up (y points down on the page).
    expect(geometry.star[0].x).toBeCloseTo(0, 6);
    expect(geometry.star[0].y).toBeCloseTo(-7, 6);
  });

  it('sets the authority along the upper arc, symmetric about the top, each character facing outwards', () => {
    expect(geometry.arc.map((glyph) => glyph.char).join('')).toBe('泽州县南村镇人民政府');
    const first = geometry.arc[0];
    const last = geometry.arc[geometry.arc.length - 1];
    expect(first.rotation).toBeCloseTo(-last.rotation, 6);
    expect(first.x).toBeCloseTo(-last.x, 6);
    expect(first.y).toBeCloseTo(last.y, 6);
    for (const glyph of geometry.arc) {
      const radians = (glyph.rotation * Math.PI) / 180;
      expect(glyph.x / distance(glyph)).toBeCloseTo(Math.sin(radians), 6);
      expect(-glyph.y / distance(glyph)).toBeCloseTo(Math.cos(radians), 6);
    }
  });

  it('keeps every seeded town name inside the ring, and the purpose inside the chord under the star', () => {
    for (const authority of seededAuthorities()) {
      const seal = approvalSealGeometry(authority);
      const innerEdge = seal.ringRadius - seal.ringWidth / 2;
      for (const glyph of seal.arc) expect(distance(glyph) + seal.arcFontSize / 2).toBeLessThan(innerEdge);
      expect(Math.abs(seal.arc[0].rotation)).toBeLessThanOrEqual(125);
      // Neighbouring characters do not overlap.
      const step = distance(seal.arc[0]) * (((seal.arc[1].rotation - seal.arc[0].rotation) * Math.PI) / 180);
      expect(step).toBeGreaterThan(seal.arcFontSize * 0.8);
    }
    const { purpose } = geometry;
    expect(purpose.text).toBe(APPROVAL_SEAL_PURPOSE);
    const bottomOfText = purpose.y + purpose.fontSize / 2;
    const chord = 2 * Math.sqrt((geometry.ringRadius - geometry.ringWidth) ** 2 - bottomOfText ** 2);
    expect(purpose.width).toBeLessThan(chord);
    expect(purpose.y - purpose.fontSize / 2).toBeGreaterThan(geometry.star[4].y);
  });

  it('draws the same seal as an SVG picture for the seal record', () => {
    const svg = sealSvg(geometry);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="42mm" height="42mm"/);
    expect(svg).toContain('<polygon points=');
    expect(svg.match(/<text /g)).toHaveLength(geometry.arc.length + 1);
    expect(svg).toContain('>行政审批服务专用章</text>');
    expect(svg).not.toMatch(/<image/);
  });
});
