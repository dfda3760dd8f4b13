// The sound cue of a new breach (SPEC §5): two short falling tones made in code with WebAudio, so no audio file
// has to ship or pass the CSP. A browser may keep the AudioContext suspended until someone interacts with the
// page; `blocked` says so, and the board asks for one click (a kiosk can allow autoplay instead).

export interface Beeper {
  play(): void;
  /** Tries to start audio (call on a user gesture). */
  unlock(): Promise<void>;
  blocked(): boolean;
  close(): void;
}

type AudioContextCtor = new () => AudioContext;

export const createBeeper = (win: { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor }): Beeper => {
  const Ctor: AudioContextCtor | undefined = win.AudioContext ?? win.webkitAudioContext;
  let context: AudioContext | null = null;
  const ctx = (): AudioContext | null => {
    if (Ctor === undefined) return null;
    context ??= new Ctor();
    return context;
  };
  const tone = (audio: AudioContext, frequency: number, start: number, length: number): void => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick attack and release: no click at the edges.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.02);
  };
  return {
    play: () => {
      const audio = ctx();
      if (audio === null) return;
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
      const t = audio.currentTime + 0.01;
      tone(audio, 988, t, 0.18);
      tone(audio, 740, t + 0.22, 0.28);
    },
    unlock: async () => {
      const audio = ctx();
      if (audio !== null && audio.state === 'suspended') await audio.resume().catch(() => undefined);
    },
    blocked: () => context !== null && context.state === 'suspended',
    close: () => {
      void context?.close().catch(() => undefined);
      context = null;
    },
  };
};
