import { Journey } from '@/components/home/Journey';

export default function HomePage() {
  return <Journey />;
}
