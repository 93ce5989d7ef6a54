/**
 * The geometry of a round official seal (公章) in millimetres, with the origin at the seal's centre and y
 * pointing down (as in PDF page space and SVG). Pure numbers, so the PDF drawing and the SVG picture of the seal
 * record are the same seal, and the layout can be tested without rendering anything.
 */
export interface Point {
  x: number;
  y: number;
}

export interface ArcGlyph extends Point {
  char: string;
  /** Clockwise rotation in degrees, so the top of the character points away from the centre. */
  rotation: number;
}

export interface SealGeometry {
  diameter: number;
  /** Centre line of the border ring. */
  ringRadius: number;
  ringWidth: number;
  /** The ten vertices of the five-pointed star, outer and inner alternating, starting at the top point. */
  star: Point[];
  arcFontSize: number;
  /** The issuing authority's name, clockwise along the upper arc. */
  arc: ArcGlyph[];
  /** The purpose (行政审批服务专用章), on one horizontal line under the star; empty on an organ's own seal. */
  purpose: { text: string; y: number; fontSize: number; width: number };
}

export const SEAL_DIAMETER_MM = 42;
export const APPROVAL_SEAL_PURPOSE = '行政审批服务专用章';

const STAR_OUTER_RADIUS = 7;
// The inner vertices of a regular five-pointed star lie at r·sin(18°)/sin(126°) ≈ 0.382 r.
const STAR_INNER_RATIO = Math.sin(Math.PI / 10) / Math.sin((7 * Math.PI) / 10);
// The name never wraps below the horizontal through the centre by more than this much on either side.
const MAX_ARC_SPAN_DEGREES = 250;

function starVertices(outerRadius: number): Point[] {
  return Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? outerRadius : outerRadius * STAR_INNER_RATIO;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/**
 * Characters spread evenly and symmetrically about the top of the seal: the wider the name, the larger the span,
 * up to MAX_ARC_SPAN_DEGREES, beyond which the characters are set closer (as a seal engraver condenses them).
 */
function arcGlyphs(text: string, radius: number, fontSize: number): ArcGlyph[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const naturalStep = ((fontSize * 1.08) / radius) * (180 / Math.PI);
  const span = Math.min(MAX_ARC_SPAN_DEGREES, naturalStep * (chars.length - 1));
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  return chars.map((char, index) => {
    const rotation = -span / 2 + index * step;
    const radians = (rotation * Math.PI) / 180;
    return { char, rotation, x: radius * Math.sin(radians), y: -radius * Math.cos(radians) };
  });
}

/** A town's approval seal: the government's name, the star, and 行政审批服务专用章 under it. */
export function approvalSealGeometry(authorityName: string, diameter = SEAL_DIAMETER_MM): SealGeometry {
  return officialSealGeometry(authorityName, APPROVAL_SEAL_PURPOSE, diameter);
}

/** An organ's own seal (a county bureau's 公章): its name around the star, no purpose line. */
export function organSealGeometry(organName: string, diameter = SEAL_DIAMETER_MM): SealGeometry {
  return officialSealGeometry(organName, '', diameter);
}

function officialSealGeometry(authorityName: string, purposeText: string, diameter: number): SealGeometry {
  const scale = diameter / SEAL_DIAMETER_MM;
  const ringWidth = 1.2 * scale;
  const ringRadius = diameter / 2 - ringWidth / 2;
  const arcFontSize = (authorityName.length > 12 ? 5.2 : 6) * scale;
  // The glyphs' centres sit a little more than half a character inside the ring.
  const arcRadius = ringRadius - ringWidth / 2 - arcFontSize * 0.62 - 0.6 * scale;
  const purposeFontSize = 3 * scale;
  return {
    diameter,
    ringRadius,
    ringWidth,
    star: starVertices(STAR_OUTER_RADIUS * scale),
    arcFontSize,
    arc: arcGlyphs(authorityName, arcRadius, arcFontSize),
    purpose: {
      text: purposeText,
      y: 10 * scale,
      fontSize: purposeFontSize,
      width: [...purposeText].length * purposeFontSize,
    },
  };
}
