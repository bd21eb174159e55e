import type { ReactNode } from 'react';

/**
 * A horizontally scrollable table wrapper that keyboard users can scroll: focusable, named region
 * (axe rule scrollable-region-focusable; WCAG 2.1.1).
 */
export function ScrollTable({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="querylab-table-wrap"
      tabIndex={0}
      role="region"
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
