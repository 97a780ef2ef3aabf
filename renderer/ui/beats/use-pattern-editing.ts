import { useMemo } from 'react';
import { editPattern } from '../../../src/model/beats/pattern-in-project';
import type { Pattern } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import type { PatternEditing, PatternRecipe } from './pattern-editing';

/** The open document's pattern `patternId` as a `PatternEditing`: commits and drags go through the project store. */
export function usePatternEditing(patternId: string, pattern: Pattern): PatternEditing {
  return useMemo(() => {
    const apply = (recipe: PatternRecipe) => (project: Parameters<typeof editPattern>[0]) => editPattern(project, patternId, recipe as (p: Pattern) => Pattern);
    return {
      pattern,
      commit: (label, recipe) => useProject.getState().edit(label, apply(recipe)),
      preview: (recipe) => useProject.getState().previewGesture(apply(recipe)),
      end: (label) => useProject.getState().endGesture(label),
    };
  }, [patternId, pattern]);
}
