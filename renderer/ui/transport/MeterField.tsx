import { setTimeSignature } from '../../../src/model/edits/timeline-edits';
import type { Project } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';

const signatures: readonly Project['timeSignature'][] = [
  [4, 4], [3, 4], [2, 4], [5, 4], [6, 4], [7, 4], [6, 8], [7, 8], [9, 8], [12, 8], [5, 8],
];

/** The song's own time signature (bar 1); clips keep their positions in beats when it changes. One typed in the ruler's dialog that is not among the usual ones is offered too. */
export function MeterField() {
  const [beats, unit] = useProject((s) => s.project.timeSignature);
  const edit = useProject((s) => s.edit);
  return (
    <select
      className="meter-field"
      aria-label="Time signature"
      value={`${beats}/${unit}`}
      onChange={(event) => {
        const [b, u] = event.target.value.split('/').map(Number) as [number, number];
        edit('Set Time Signature', (project) => setTimeSignature(project, [b, u as Project['timeSignature'][1]]));
      }}
    >
      {(signatures.some(([b, u]) => b === beats && u === unit) ? signatures : [...signatures, [beats, unit] as const]).map(([b, u]) => (
        <option key={`${b}/${u}`} value={`${b}/${u}`}>
          {b}/{u}
        </option>
      ))}
    </select>
  );
}
