/** A short tone made with WebAudio (no sound file to ship), for the dashboard and the widget. */

let audio: AudioContext | null = null;

/**
 * Browsers only let audio start after a user gesture, so the context is created on the first
 * click or key press and reused for every tone after that.
 */
export function unlockAudioOnFirstGesture(): void {
  const unlock = () => {
    if (!audio && typeof AudioContext !== 'undefined') audio = new AudioContext();
    void audio?.resume();
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
}

/** Two short rising tones, ~0.3 s, quiet. */
export function playTone(): void {
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [660, 880].forEach((frequency, i) => {
    if (!audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    const t = start + i * 0.14;
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.13);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.14);
  });
}
