/**
 * The step from format v4 to v5 (docs/project-format.md, "Upgrading version 4 files"). Version 5
 * only adds optional fields — a note clip's `take`, a track's `monitor`, the project's `punch` —
 * whose absence means what version 4 did (not a take, monitoring off, no punch range), so a v4
 * document is a v5 document as it stands: the runner stamps the new version on it.
 */
export function upgradeV4ToV5(doc: unknown): unknown {
  return doc;
}
