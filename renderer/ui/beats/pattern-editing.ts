/**
 * How a beat view changes its pattern: a click is one undo step (`commit`); a drag shows each
 * move with `preview` (the recipe applied to the pattern as it was when the drag began, played at
 * once but not recorded) and records one step with `end(label)`, or puts it back with `end(null)`.
 */
import type { PatternContent } from '../../../src/model/beats/pattern-shape';

export type PatternRecipe = (pattern: PatternContent) => PatternContent;

export interface PatternEditing {
  /** The pattern as it is now (during a drag, with the drag's preview). */
  readonly pattern: PatternContent;
  commit(label: string, recipe: PatternRecipe): void;
  preview(recipe: PatternRecipe): void;
  end(label: string | null): void;
}
