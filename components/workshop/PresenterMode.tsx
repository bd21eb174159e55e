'use client';

import { useEffect, useState } from 'react';
import './present.css';

/** Lesson blocks that are experiments (labs, simulations): numbered for `?present=N`. */
const EXPERIMENTS = '.querylab, [data-experiment]';
const PREDICT = '.predict';

/** What stays on screen: all experiments and predictions, or the Nth experiment and its predictions. */
function blocksToKeep(body: Element, value: string): Element[] {
  const blocks = [...body.children];
  const all = blocks.filter((el) => el.matches(EXPERIMENTS) || el.matches(PREDICT));
  const nth = /^\d+$/.test(value) ? Number(value) : 0;
  const experiments = blocks.filter((el) => el.matches(EXPERIMENTS));
  if (nth < 1 || nth > experiments.length) return all;
  const target = experiments[nth - 1];
  const previous = experiments[nth - 2];
  const from = previous ? blocks.indexOf(previous) + 1 : 0;
  const predictions = blocks
    .slice(from, blocks.indexOf(target))
    .filter((el) => el.matches(PREDICT));
  return [...predictions, target];
}

/**
 * `?present` on a lesson: the experiments fill the screen in projector-sized type, without the
 * lesson prose. `?present=2` shows only the page's second experiment (and the predictions asked
 * just before it). A CSS mode (present.css) switched on the <html> element, so the widgets need no
 * presenter code; a new kind of widget stays on screen by carrying `data-experiment` on its root.
 */
export function PresenterMode() {
  const [on, setOn] = useState(false);

  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get('present');
    if (value === null) return;
    const body = document.querySelector('.lesson-body');
    if (!body) return;
    const keep = blocksToKeep(body, value);
    for (const el of keep) el.setAttribute('data-present-keep', '');
    document.documentElement.setAttribute('data-present', '');
    setOn(true);
    return () => {
      document.documentElement.removeAttribute('data-present');
      for (const el of keep) el.removeAttribute('data-present-keep');
    };
  }, []);

  if (!on) return null;
  return (
    <div className="present-bar" data-testid="present-bar">
      <a href="?" className="present-exit">
        Exit presenter view
      </a>
    </div>
  );
}
