import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/translate';
import { CameraPlayback } from './cameraPlayback';
import { requestView } from './cameraApi';
import { INITIAL_TILE_STATE, type TilePhase, type TileState } from './playerState';
import type { Transport } from './transport';
import { useOnScreen } from './useOnScreen';
import './video.css';

export interface CameraTileProps {
  cameraId: string;
  /** The camera's name, shown on the tile. */
  label: string;
  /** Small tile (a 3×3 grid, a list): a smaller caption, the state still legible. */
  compact?: boolean;
  /** false: the tile keeps its frame but plays nothing (another tile of the list plays). */
  active?: boolean;
}

const PHASE_KEYS: Record<TilePhase, MessageKey> = {
  connecting: 'camera.state.connecting',
  live: 'camera.state.live',
  stalled: 'camera.state.stalled',
  offline: 'camera.state.offline',
  forbidden: 'camera.state.forbidden',
  unavailable: 'camera.state.unavailable',
};

/**
 * One live camera: plays while it is on screen (a decoder per visible tile, none for tiles
 * scrolled or paged away), says its state in words large enough for a wall, and heals itself
 * after a stall without a reload (CameraPlayback).
 */
export function CameraTile({ cameraId, label, compact = false, active = true }: CameraTileProps) {
  const { t } = useI18n();
  const frameRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onScreen = useOnScreen(frameRef);
  const [state, setState] = useState<TileState>(INITIAL_TILE_STATE);
  const [transport, setTransport] = useState<Transport['kind'] | null>(null);
  const playing = active && onScreen;

  useEffect(() => {
    const video = videoRef.current;
    if (!playing || !video) return undefined;
    const playback = new CameraPlayback(
      video,
      cameraId,
      (s, kind) => {
        setState(s);
        setTransport(kind);
      },
      { requestView },
    );
    playback.start();
    return () => {
      playback.stop();
      setState(INITIAL_TILE_STATE);
      setTransport(null);
    };
  }, [cameraId, playing]);

  const phase: TilePhase | 'idle' = playing ? state.phase : 'idle';
  return (
    <figure
      ref={frameRef}
      className={`camera-tile${compact ? ' camera-tile--compact' : ''}`}
      data-testid="camera-tile"
      data-camera-id={cameraId}
      data-state={phase}
      data-transport={transport ?? ''}
    >
      <video ref={videoRef} className="camera-video" muted playsInline autoPlay />
      {phase !== 'live' && (
        <div className={`camera-state camera-state--${phase}`} role="status">
          {phase === 'idle' ? t('camera.state.paused') : t(PHASE_KEYS[phase])}
        </div>
      )}
      <figcaption className="camera-caption">
        {phase === 'live' && <span className="camera-live-dot" aria-hidden="true" />}
        <span className="camera-name">{label}</span>
        {phase === 'live' && <span className="sr-only">{t('camera.state.live')}</span>}
      </figcaption>
    </figure>
  );
}
