import { describe, expect, it } from 'vitest';
import { fieldsOf, schemaDrift } from './drift';

describe('schema drift', () => {
  it('reports fields appearing and disappearing against those seen before', () => {
    const seen = fieldsOf([
      { ma: 1, ten: 'a' },
      { ma: 2, trang_thai: 'x' },
    ]);
    expect(schemaDrift(['ma', 'ten', 'ngay'], seen)).toEqual({
      added: ['trang_thai'],
      removed: ['ngay'],
    });
  });

  it('reports nothing on a first run or a run that saw no record', () => {
    expect(schemaDrift([], fieldsOf([{ a: 1 }]))).toEqual({ added: [], removed: [] });
    expect(schemaDrift(['a'], new Set())).toEqual({ added: [], removed: [] });
  });
});
