import { describe, expect, it } from 'vitest';
import { roundGeometry } from './geometry';

describe('roundGeometry', () => {
  it('rounds every coordinate of a MultiPolygon and keeps its shape', () => {
    const g = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [108.123456789, 16.987654321],
            [108.2, 16.1],
            [108.123456789, 16.987654321],
          ],
        ],
      ],
    };
    expect(roundGeometry(g, 5)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [108.12346, 16.98765],
            [108.2, 16.1],
            [108.12346, 16.98765],
          ],
        ],
      ],
    });
    // The input is left as it was.
    expect(g.coordinates[0]?.[0]?.[0]?.[0]).toBe(108.123456789);
  });

  it('rounds inside a GeometryCollection', () => {
    const g = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1.23456, 2] }],
    };
    expect(roundGeometry(g, 2)).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1.23, 2] }],
    });
  });
});
