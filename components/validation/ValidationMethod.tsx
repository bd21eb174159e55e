/** The method behind the table: static text, readable without JavaScript. */
export function ValidationMethod() {
  return (
    <section className="validation-method" aria-labelledby="validation-method">
      <h2 id="validation-method">How to read it, and how it is computed</h2>
      <p>
        Each row is a model whose answer is known exactly. The <em>theory</em> column comes from the
        formula shown under it; <em>this engine</em> is the simulator&apos;s estimate ± the
        half-width of a 95% confidence interval. A 95% interval misses the truth one time in twenty
        by design, so among this many rows one landing just outside its interval is expected; a miss
        by many half-widths, or the same miss for every seed, would be a bug.
      </p>

      <h3>Warm-up</h3>
      <p>
        Every run starts with an empty queue, which is not what a busy system looks like. The first
        20,000 customers are simulated and then discarded. At load ρ = 0.9 a queue forgets its
        starting state after roughly 1/(1 − √ρ)² ≈ 380 service times, so the discarded stretch is
        far longer than needed.
      </p>

      <h3>Batch means</h3>
      <p>
        Successive customers are not independent: one who waits long is followed by others who wait
        long. Treating a million waits as a million independent samples would make the interval look
        ten times tighter than it is. The engine groups consecutive customers into 32–64 batches
        (doubling the batch size as the run grows, so memory stays fixed), treats the batch averages
        as nearly independent, and builds a Student-t interval from their spread. Time averages
        (customers in system, utilization) are batched over equal slices of simulated time.
      </p>

      <h3>Replications</h3>
      <p>
        Percentiles, drop fractions and counts have no batch interval here; they are estimated from
        eight independent runs with different seeds, with a Student-t interval over the eight
        answers.
      </p>

      <h3>How long is long enough</h3>
      <p>
        Near saturation the noise is large: at ρ = 0.9 the mean wait needs about two million
        customers for ±2.5% (Whitt, 1989). That is why those rows simulate millions of customers,
        and why a simulator that stops after a few thousand requests can show almost any number.
      </p>

      <h3>Percentiles and randomness</h3>
      <p>
        Latencies go into a log-bucketed histogram in the style of HdrHistogram: 128 buckets per
        power of two keep every percentile within 0.4% with fixed memory. Random numbers come from
        xoshiro128**, one stream per component derived from the seed and the component&apos;s name,
        so the same seed gives the same table everywhere: in this page, the tests and the command
        line (<code>npm run --silent sim -- queue --arrival-rate 0.9 --service-rate 1</code>). A new
        seed is a new, independent experiment.
      </p>

      <h3>Sources</h3>
      <ul className="validation-sources">
        <li>
          L. Kleinrock, <cite>Queueing Systems, Volume 1: Theory</cite>, Wiley, 1975: M/M/1 (§3.2),
          M/M/c and Erlang C (§3.5), M/M/1/K (§3.6), Pollaczek–Khinchine (§5.7).
        </li>
        <li>
          J. D. C. Little, &ldquo;A proof for the queuing formula L = λW&rdquo;,{' '}
          <cite>Operations Research</cite> 9(3), 1961.
        </li>
        <li>
          M. Reiser and S. S. Lavenberg, &ldquo;Mean-value analysis of closed multichain queuing
          networks&rdquo;, <cite>J. ACM</cite> 27(2), 1980.
        </li>
        <li>
          P. A. W. Lewis and G. S. Shedler, &ldquo;Simulation of nonhomogeneous Poisson processes by
          thinning&rdquo;, <cite>Naval Research Logistics Quarterly</cite> 26, 1979.
        </li>
        <li>
          W. Whitt, &ldquo;Planning queueing simulations&rdquo;, <cite>Management Science</cite>{' '}
          35(11), 1989; A. M. Law, <cite>Simulation Modeling and Analysis</cite>, 5th ed., §9.5
          (batch means).
        </li>
        <li>
          D. Blackman and S. Vigna, &ldquo;Scrambled linear pseudorandom number generators&rdquo;,{' '}
          <cite>ACM TOMS</cite> 47(4), 2021 (xoshiro128**).
        </li>
      </ul>
    </section>
  );
}
