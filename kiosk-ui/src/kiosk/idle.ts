export interface IdleWatchOptions {
  idleSeconds: number;
  /** Seconds of visible countdown before the wipe. */
  warnSeconds: number;
  onWarn(secondsLeft: number): void;
  onCancelWarn(): void;
  onIdle(): void;
}

/** Watches for touches and keys; after `idleSeconds` of none, counts down `warnSeconds`, then calls onIdle. */
export function watchIdle(options: IdleWatchOptions): { arm(): void; disarm(): void; touch(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let countdown: ReturnType<typeof setInterval> | undefined;
  let armed = false;
  const stop = () => {
    clearTimeout(timer);
    clearInterval(countdown);
    timer = undefined;
    countdown = undefined;
  };
  const warn = () => {
    let left = options.warnSeconds;
    options.onWarn(left);
    countdown = setInterval(() => {
      left -= 1;
      if (left > 0) return options.onWarn(left);
      stop();
      armed = false;
      options.onIdle();
    }, 1000);
  };
  const touch = () => {
    if (!armed) return;
    if (countdown) options.onCancelWarn();
    stop();
    timer = setTimeout(warn, options.idleSeconds * 1000);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel'] as const) document.addEventListener(type, touch, { capture: true, passive: true });
  return {
    // Only a screen that shows something of a citizen needs wiping; the empty start screen is left alone.
    arm: () => {
      if (armed) return;
      armed = true;
      touch();
    },
    disarm: () => {
      armed = false;
      stop();
    },
    touch,
  };
}
