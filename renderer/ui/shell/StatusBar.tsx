import { useSession } from '../../state/session-store';
import { runtime } from '../../state/runtime';

export function StatusBar() {
  const info = useSession((s) => s.info);
  const notice = useSession((s) => s.notice);
  const rate = runtime().audio.context.sampleRate;
  return (
    <footer className="statusbar">
      <span className={`statusbar-notice ${notice?.kind === 'error' ? 'is-error' : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text ?? 'Ready.'}
      </span>
      <span className="statusbar-facts">
        {`${(rate / 1000).toFixed(1)} kHz`}
        {info ? ` · ${info.host === 'web' ? 'Web host' : 'Desktop'} · v${info.version}` : ''}
      </span>
    </footer>
  );
}
