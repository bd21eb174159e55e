import { describe, expect, it } from 'vitest';
import { flattenNodeTypes, parseExplain } from '@/lib/db/explain';

const fixture = [
  {
    Plan: {
      'Node Type': 'Limit',
      'Plan Rows': 50,
      'Actual Rows': 50,
      'Actual Loops': 1,
      'Actual Total Time': 12.5,
      'Total Cost': 100,
      Plans: [
        {
          'Node Type': 'Sort',
          'Plan Rows': 3400,
          'Actual Rows': 50,
          'Actual Loops': 1,
          'Actual Total Time': 12.4,
          'Total Cost': 99,
          'Sort Method': 'top-N heapsort',
          Plans: [
            {
              'Node Type': 'Seq Scan',
              'Relation Name': 'messages',
              'Plan Rows': 3400,
              'Actual Rows': 3412,
              'Actual Loops': 1,
              'Actual Total Time': 11,
              'Total Cost': 90,
              Filter: '(channel_id = 10)',
              'Rows Removed by Filter': 196588,
            },
          ],
        },
      ],
    },
    'Planning Time': 0.2,
    'Execution Time': 12.6,
  },
];

describe('parseExplain', () => {
  it('should turn EXPLAIN JSON into a typed tree with flattened node types', () => {
    const r = parseExplain(fixture);
    expect(r.nodeTypes).toEqual(['Limit', 'Sort', 'Seq Scan']);
    expect(flattenNodeTypes(r.plan)).toEqual(r.nodeTypes);
    expect(r.executionMs).toBe(12.6);
    const scan = r.plan.children[0]!.children[0]!;
    expect(scan).toMatchObject({
      relationName: 'messages',
      actualRows: 3412,
      rowsRemovedByFilter: 196588,
      filter: '(channel_id = 10)',
    });
  });

  it('should accept the plan as JSON text', () => {
    expect(parseExplain(JSON.stringify(fixture)).nodeTypes[2]).toBe('Seq Scan');
  });

  it('should reject something that is not a plan', () => {
    expect(() => parseExplain([{ nope: 1 }])).toThrow();
    expect(() => parseExplain([])).toThrow();
  });
});
