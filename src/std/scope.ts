/** Whatever acquires something disposes it: a Scope collects disposers and runs them once, last first. */
export type Disposer = () => void;

export interface Disposable {
  dispose(): void;
}

export class Scope implements Disposable {
  private disposers: Disposer[] = [];
  private disposed = false;

  /** Registers a disposer; if the scope is already disposed it runs at once. */
  add(disposer: Disposer): void {
    if (this.disposed) disposer();
    else this.disposers.push(disposer);
  }

  own<T extends Disposable>(resource: T): T {
    this.add(() => resource.dispose());
    return resource;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const pending = this.disposers.reverse();
    this.disposers = [];
    for (const dispose of pending) dispose();
  }
}
