import type { AgendaItem } from '@/lib/workshop/planCodec';

export const BREAK_SLUG = 'break';

export interface TimedItem extends AgendaItem {
  /** Minutes from the start of the session. */
  startMin: number;
  title: string;
  isBreak: boolean;
  /** False for a lesson this version of the site does not have (link from another version). */
  known: boolean;
}

/** Agenda items with their time boxes (start offsets) and titles. */
export function timeAgenda(
  agenda: readonly AgendaItem[],
  titles: Record<string, string>,
): TimedItem[] {
  let t = 0;
  return agenda.map((item) => {
    const isBreak = item.slug === BREAK_SLUG;
    const timed = {
      ...item,
      startMin: t,
      isBreak,
      known: isBreak || item.slug in titles,
      title: isBreak ? 'Break' : (titles[item.slug] ?? item.slug),
    };
    t += item.minutes;
    return timed;
  });
}

/** 0 → "0:00", 95 → "1:35". */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function totalMinutes(agenda: readonly AgendaItem[]): number {
  return agenda.reduce((sum, i) => sum + i.minutes, 0);
}
