/**
 * The step from format v5 to v6 (docs/project-format.md, "Upgrading version 5 files"). Version 6
 * only adds the optional `loop` (the loop range and whether the transport loops), whose absence
 * means what version 5 did (no loop range; it was the session's), so a v5 document is a v6
 * document as it stands: the runner stamps the new version on it.
 */
export function upgradeV5ToV6(doc: unknown): unknown {
  return doc;
}
