import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Notice } from '../../state/session-store';
import { useDismiss } from '../use-dismiss';

/**
 * The latest message in the status bar. One that does not fit, or that sums up a list (the files
 * an import could not use), opens into a popover above the bar with the whole text and the list,
 * instead of being cut off.
 */
export function StatusNotice({ notice }: { notice: Notice | null }) {
  const text = useRef<HTMLSpanElement>(null);
  const root = useRef<HTMLSpanElement>(null);
  const [cutOff, setCutOff] = useState(false);
  const [open, setOpen] = useState(false);
  useDismiss(open, root, useCallback(() => setOpen(false), []));
  useLayoutEffect(() => {
    const element = text.current;
    if (!element) return;
    const measure = () => setCutOff(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [notice]);
  const details = notice?.details ?? [];
  const opens = details.length > 0 || cutOff;
  return (
    <span className="statusbar-notice-line" ref={root}>
      <span ref={text} className={`statusbar-notice ${notice?.kind === 'error' ? 'is-error' : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text ?? 'Ready.'}
      </span>
      {opens && (
        <button type="button" className="statusbar-more" aria-expanded={open} aria-controls="status-details" onClick={() => setOpen(!open)}>
          {details.length > 0 ? `${open ? 'Hide' : 'Show'} ${details.length === 1 ? 'it' : `all ${details.length}`}` : open ? 'Less' : 'More'}
        </button>
      )}
      {open && notice && (
        <div id="status-details" className="status-details popover-surface" role="region" aria-label="Message details">
          <p className={notice.kind === 'error' ? 'is-error' : ''}>{notice.text}</p>
          {details.length > 0 && (
            <ul>
              {details.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </span>
  );
}
