import { listValidationCases } from '@/simulations/validation';
import { ValidationMethod } from './ValidationMethod';
import { ValidationRunner } from './ValidationRunner';
import './validation.css';

/** /validation/: the theory column is rendered at build time; the engine column fills in live. */
export function ValidationPage() {
  const cases = listValidationCases();
  return (
    <article className="validation-page">
      <header className="validation-header">
        <p className="validation-eyebrow">How the simulator is validated</p>
        <h1>Why should you trust the simulator?</h1>
        <p className="validation-lede">
          Every simulation on this site runs on one discrete-event engine. Below are {cases.length}{' '}
          models whose answer queueing theory knows exactly. Press <strong>Run</strong> and the
          engine simulates them in your browser, in a background worker, and puts its answer, with a
          95% confidence interval, next to the formula&apos;s.
        </p>
      </header>
      <ValidationRunner cases={cases} />
      <ValidationMethod />
    </article>
  );
}
