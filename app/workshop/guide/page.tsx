import type { Metadata } from 'next';
import Link from 'next/link';
import '@/components/workshop/workshop.css';

export const metadata: Metadata = {
  title: 'Facilitator guide',
  description:
    'How to run a 90-minute or a half-day workshop with Scaling Workbench: agendas, timings, discussion questions, and what to do when the Wi-Fi is bad.',
};

interface Slot {
  at: string;
  what: string;
  minutes: number;
}

const NINETY: Slot[] = [
  { at: '0:00', what: 'Welcome; everyone opens the workshop link and presses Join', minutes: 5 },
  { at: '0:05', what: 'Start simple, scale smart (lesson 1)', minutes: 10 },
  { at: '0:15', what: 'Measure before you optimize (lesson 2)', minutes: 15 },
  { at: '0:30', what: 'The N+1 query (lesson 3)', minutes: 20 },
  { at: '0:50', what: 'Indexes: the 80% fix (lesson 4)', minutes: 20 },
  { at: '1:10', what: 'Hand-in, then the debrief on the room dashboard', minutes: 15 },
  { at: '1:25', what: 'Buffer; caching (lesson 5) as homework', minutes: 5 },
];

const HALF_DAY: Slot[] = [
  {
    at: '0:00',
    what: 'Welcome, join the link, open lesson 1 (the lab downloads start)',
    minutes: 10,
  },
  { at: '0:10', what: 'Start simple, scale smart (lesson 1)', minutes: 15 },
  { at: '0:25', what: 'Measure before you optimize (lesson 2) + discussion', minutes: 30 },
  { at: '0:55', what: 'Break', minutes: 15 },
  { at: '1:10', what: 'The N+1 query (lesson 3) + discussion', minutes: 35 },
  { at: '1:45', what: 'Indexes: the 80% fix (lesson 4) + discussion', minutes: 35 },
  { at: '2:20', what: 'Break', minutes: 15 },
  { at: '2:35', what: 'Caching hot reads (lesson 5) + discussion', minutes: 30 },
  {
    at: '3:05',
    what: 'Hand-in, debrief on the room dashboard, what to measure at work',
    minutes: 25,
  },
];

const QUESTIONS: Array<{ slug: string; title: string; questions: string[] }> = [
  {
    slug: 'start-simple-scale-smart',
    title: 'Start simple, scale smart',
    questions: [
      'The N+1 inbox saturates one Postgres primary at about 4.8K users. How many users does your busiest service have, and how many queries does its busiest page send?',
      'Which tier ran out first on the chart, and which tier would run out first in your system? How would you know?',
      'What would microservices have cost at 1K users, and what would they have fixed?',
    ],
  },
  {
    slug: 'measure-before-you-optimize',
    title: 'Measure before you optimize',
    questions: [
      'Search and the inbox are the tempting guesses; the sidebar took about 70% of the time. What made your guess tempting?',
      'Search was the slowest request but under 10% of the total. When is the slowest request still the right thing to fix?',
      'Does your APM group time by endpoint, and would it show 18 sub-millisecond queries per request?',
    ],
  },
  {
    slug: 'n-plus-one',
    title: 'The N+1 query',
    questions: [
      'Compare the room’s median guess with the 1,001 queries the lab counted. Who guessed close, and how did they reason?',
      'At 0 ms round trip the N+1 is still 2–3× slower. Where does that time go?',
      'How would your test suite catch an N+1 before production (a query counter, an ORM warning, an APM alert)?',
    ],
  },
  {
    slug: 'indexing',
    title: 'Indexes: the 80% fix',
    questions: [
      'Why did the LIMIT 50 not stop Postgres from reading all 200,000 rows without an index?',
      'Why did Postgres ignore the deleted_at index for live messages and use it for deleted ones?',
      'Three indexes made inserts 2.6–4× slower. Which of your tables is write-heavy enough for that to matter?',
    ],
  },
  {
    slug: 'caching',
    title: 'Caching hot reads',
    questions: [
      'The cache answered about 80% of reads with a 10 s TTL. Which data in your product could be 10 seconds stale without anyone noticing, and which could not?',
      'A 1 s TTL cut stale reads from 72 to 8 and the hit ratio to 39%. Where would you set it, and why?',
      'Invalidate on write removed every stale read here. What makes invalidation harder with several services and caches?',
    ],
  },
];

function SlotTable({ slots, caption }: { slots: Slot[]; caption: string }) {
  return (
    <div className="workshop-table-scroll">
      <table className="workshop-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Minutes
            </th>
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => (
            <tr key={s.at}>
              <td className="workshop-time">{s.at}</td>
              <td>{s.what}</td>
              <td className="num">{s.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Page() {
  return (
    <div className="workshop-page">
      <h1>Facilitator guide</h1>
      <p>
        Everything here runs from static files in each learner&apos;s browser: Postgres, the query
        logs, the charts. You need a projector, the <Link href="/workshop/">workshop link</Link>,
        and the <Link href="/workshop/room/">room dashboard</Link> open on your own laptop.
      </p>

      <h2>Before the session</h2>
      <ol>
        <li>
          Plan the session on the <Link href="/workshop/">workshop page</Link>: pick the lessons,
          set a time box for each (the defaults are each lesson&apos;s own estimate), add breaks,
          name the room and keep or change the room seed. You get a link and a QR code.
        </li>
        <li>
          Open the link yourself: check the agenda, then open one lab in presenter view (each agenda
          row has a link; it is the lesson address with <code>?present</code>, or{' '}
          <code>?present=2</code> for only the second experiment of the page).
        </li>
        <li>Send the link before the session, so the large lab downloads happen at home.</li>
      </ol>

      <h2>A 90-minute session</h2>
      <p>
        Four lessons, each 5 minutes shorter than a careful reader needs: you set the pace and the
        room discusses instead of reading every deep dive.
      </p>
      <SlotTable slots={NINETY} caption="90-minute agenda" />

      <h2>A half-day session</h2>
      <p>All five lessons, a discussion after each, two breaks: 3 hours 30 minutes.</p>
      <SlotTable slots={HALF_DAY} caption="Half-day agenda" />

      <h2>How each lesson runs in a room</h2>
      <ol>
        <li>
          <strong>Predict.</strong> Everyone answers the prediction before running anything; a guess
          is locked once made, and a guess made after the run is marked as such.
        </li>
        <li>
          <strong>Run.</strong> Project the lab in presenter view and run it; learners run their own
          copy. The workloads are seeded, so every laptop counts the same queries and hits (times
          differ with the hardware: say so).
        </li>
        <li>
          <strong>Discuss.</strong> Use the questions below, then let people try the challenges.
        </li>
      </ol>

      <h2>Discussion questions</h2>
      {QUESTIONS.map((q) => (
        <section key={q.slug}>
          <h3>
            <Link href={`/learn/${q.slug}/`}>{q.title}</Link>
          </h3>
          <ul>
            {q.questions.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      ))}

      <h2>The debrief</h2>
      <ol>
        <li>
          Ten minutes before the end, everyone presses <em>Hand in</em> in their banner, types a
          name if they like, and pastes the code into the chat (or sends the file, or holds up the
          QR code).
        </li>
        <li>
          Paste the codes into the <Link href="/workshop/room/">room dashboard</Link>. Each line
          gets a verdict; a damaged or repeated code is reported and skipped.
        </li>
        <li>
          Project the predictions: the room&apos;s guesses against the measurement, with its
          sentence (&ldquo;the room&apos;s median guess was 300 queries; the experiment measured
          1,001 queries&rdquo;). Ask the closest and the furthest guess how they reasoned.
        </li>
        <li>
          Use the most common wrong answers per challenge as prompts, and export the table as CSV if
          you want to keep it.
        </li>
      </ol>

      <h2>When the Wi-Fi is bad</h2>
      <p>
        The pages are small, but each query lab downloads Postgres compiled to WebAssembly (about 5
        MB compressed) and its database (7 MB compressed for most lessons, 11 MB for the indexing
        lesson; sizes of the current build). Thirty laptops fetching that at the same moment can
        take a weak access point down.
      </p>
      <ul>
        <li>
          Ask learners to open every lesson on the agenda once before the session, at home. Where
          the site offers to make itself available offline, have them use that control; afterwards
          the lessons and labs open without a network.
        </li>
        <li>
          Stagger the downloads: at the start, half the room opens lesson 1 while the other half
          reads the introduction.
        </li>
        <li>
          Nothing else needs the network. Joining, predictions, challenges and hand-ins all stay in
          the browser; the hand-in code can travel by chat, by file on a USB stick, or by QR code.
        </li>
        <li>
          As a last resort, serve the site from your laptop on the room&apos;s local network: the
          static export (the <code>out/</code> folder) with any static server that sends{' '}
          <code>.wasm</code> files as <code>application/wasm</code> (the repository&apos;s{' '}
          <code>npm run serve</code> does).
        </li>
      </ul>
    </div>
  );
}
