import type { Metadata } from 'next';
import { ValidationPage } from '@/components/validation/ValidationPage';

export const metadata: Metadata = {
  title: 'Why trust the simulator? Theory vs this engine',
  description:
    'The discrete-event engine behind every simulation, checked live in your browser against closed-form queueing theory, with confidence intervals.',
};

export default function Page() {
  return <ValidationPage />;
}
