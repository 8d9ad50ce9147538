import { useState } from 'react';
import type { ActivityView } from '../api';

export const activityMime = 'application/x-hyenaflow-activity';

/** The activities by category; drag one onto the canvas to add a stage (or double-click). */
export function Palette({ activities, onAdd }: { activities: ActivityView[]; onAdd: (activity: ActivityView) => void }) {
  const [filter, setFilter] = useState('');
  const shown = activities.filter((a) => `${a.reference} ${a.category} ${a.description}`.toLowerCase().includes(filter.toLowerCase()));
  const categories = [...new Set(shown.map((a) => a.category))].sort();
  return (
    <aside className="palette">
      <input placeholder="Filter activities" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {categories.map((c) => (
        <div key={c}>
          <h3>{c}</h3>
          {shown
            .filter((a) => a.category === c)
            .map((a) => (
              <div
                key={a.reference}
                className="palette-item"
                draggable
                title={a.description}
                data-activity={a.reference}
                data-testid={`palette-${a.reference}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(activityMime, a.reference);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDoubleClick={() => onAdd(a)}
              >
                {a.reference}
              </div>
            ))}
        </div>
      ))}
    </aside>
  );
}
