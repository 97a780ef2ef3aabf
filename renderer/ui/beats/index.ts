/** What the beats room offers the rest of the UI: the beat editor docked under the timeline while a note clip is open. */
export { BeatsEditor } from './BeatsEditor';
