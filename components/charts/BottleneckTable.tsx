import {
  crossingUsers,
  formatCount,
  TIER_LABELS,
  tierLoads,
  type ModelSettings,
  type TierId,
} from './capacityModel';

const TABLE_USERS = [1e3, 5e4, 1e6, 1e7];
const TIERS = Object.keys(TIER_LABELS) as TierId[];

/** The text alternative of the chart: utilization per tier at four sizes, and the crossings. */
export function BottleneckTable({ settings }: { settings: ModelSettings }) {
  const cross = crossingUsers(settings);
  const plan = crossingUsers(settings, 0.7);
  const at = TABLE_USERS.map((u) => tierLoads(settings, u));
  return (
    <details className="chart-table">
      <summary>The numbers behind the chart</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Busy share of one machine per tier, by concurrent users, with the current settings
          </caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              {TABLE_USERS.map((u) => (
                <th scope="col" key={u}>
                  {formatCount(u)} users
                </th>
              ))}
              <th scope="col">70% at</th>
              <th scope="col">Full at</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((t, row) => (
              <tr key={t}>
                <th scope="row">{TIER_LABELS[t]}</th>
                {at.map((loads, i) => (
                  <td key={TABLE_USERS[i]}>
                    {(100 * (loads[row]?.utilization ?? 0)).toLocaleString('en-US', {
                      maximumSignificantDigits: 2,
                    })}
                    %
                  </td>
                ))}
                <td>{Math.round(plan[t]).toLocaleString('en-US')} users</td>
                <td>{Math.round(cross[t]).toLocaleString('en-US')} users</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
