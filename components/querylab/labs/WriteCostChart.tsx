'use client';

import type { WriteCostResult } from '@/lib/db/labs/indexing';
import { BarChart } from '@/components/charts/BarChart';
import { formatCount, formatMs } from '@/lib/format';

export function WriteCostChart({ result: r }: { result: WriteCostResult }) {
  return (
    <BarChart
      testId="querylab-write-chart"
      caption={`Median of 5 runs of one INSERT of ${formatCount(r.rows)} rows, rolled back each time: ${formatMs(r.withoutMs)} with the primary key only, ${formatMs(r.withMs)} with ${r.secondaryIndexes} secondary indexes.`}
      bars={[
        { label: 'Primary key only', value: r.withoutMs, valueLabel: formatMs(r.withoutMs) },
        {
          label: `Primary key + ${r.secondaryIndexes} secondary indexes`,
          value: r.withMs,
          valueLabel: formatMs(r.withMs),
          highlight: true,
        },
      ]}
    />
  );
}
