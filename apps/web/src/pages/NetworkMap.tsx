/** The network: collectives on a circle, an arrow from each member collective to the one it joined. */
import { Link } from "../app/router";
import { Empty, QueryState } from "../components/QueryState";
import { formatPercent } from "../lib/format";
import { useNetwork } from "../lib/queries";

export default function NetworkMap() {
  const network = useNetwork();
  return (
    <section>
      <h1>Network</h1>
      <QueryState query={network}>
        {(n) => {
          if (n.nodes.length === 0) return <Empty>No collectives yet.</Empty>;
          const size = 400;
          const r = n.nodes.length === 1 ? 0 : 140;
          const pos = new Map(
            n.nodes.map((node, i) => {
              const angle = (2 * Math.PI * i) / n.nodes.length - Math.PI / 2;
              return [node.address, { x: size / 2 + r * Math.cos(angle), y: size / 2 + r * Math.sin(angle) }];
            }),
          );
          const name = (a: string) => n.nodes.find((x) => x.address === a)?.name ?? a;
          return (
            <>
              <svg
                viewBox={`0 0 ${size} ${size}`}
                className="network"
                role="img"
                aria-label="Map of collectives and the links between them"
              >
                <defs>
                  <marker
                    id="arrow"
                    viewBox="0 0 10 10"
                    refX="28"
                    refY="5"
                    markerWidth="8"
                    markerHeight="8"
                    orient="auto-start-reverse"
                  >
                    <path d="M 0 0 L 10 5 L 0 10 z" fill="#555" />
                  </marker>
                </defs>
                {n.edges.map((e) => {
                  const a = pos.get(e.from);
                  const b = pos.get(e.to);
                  return a && b ? (
                    <line
                      key={e.from + e.to}
                      x1={a.x}
                      y1={a.y}
                      x2={b.x}
                      y2={b.y}
                      stroke="#555"
                      strokeWidth={1 + 6 * e.share}
                      markerEnd="url(#arrow)"
                    />
                  ) : null;
                })}
                {n.nodes.map((node) => {
                  const p = pos.get(node.address) ?? { x: 0, y: 0 };
                  return (
                    <g key={node.address}>
                      <circle
                        cx={p.x}
                        cy={p.y}
                        r={10 + Math.sqrt(node.memberCount) * 4}
                        fill="#cfe8dc"
                        stroke="#1f6f50"
                      />
                      <text x={p.x} y={p.y + 36} textAnchor="middle">
                        {node.name}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <h2>Links</h2>
              {n.edges.length === 0 ? (
                <Empty>No collective is a member of another yet.</Empty>
              ) : (
                <ul>
                  {n.edges.map((e) => (
                    <li key={e.from + e.to}>
                      <Link to={`/c/${e.from}`}>{name(e.from)}</Link> holds {formatPercent(e.share)} of{" "}
                      <Link to={`/c/${e.to}`}>{name(e.to)}</Link>
                    </li>
                  ))}
                </ul>
              )}
              <h2>Collectives</h2>
              <ul>
                {n.nodes.map((node) => (
                  <li key={node.address}>
                    <Link to={`/c/${node.address}`}>{node.name}</Link> — {node.memberCount} members
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
