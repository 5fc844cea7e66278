import { useCallback, useEffect, useRef, useState } from 'react';
import { photoProblem, type IntakeProblemKey } from '../model/form';
import { CITIZEN_PHOTO_LIMITS } from '@ioc/contracts';

export interface PhotoPick {
  id: number;
  file: File;
  /** Object URL of the preview; revoked when the photo is removed or the page goes away. */
  url: string;
}

/**
 * The photos chosen for a report, with previews. A file that is too large or not a JPEG, PNG
 * or WebP is refused here, before any upload, with the reason; so is a fourth photo.
 */
export function usePhotoPicks() {
  const [picks, setPicks] = useState<PhotoPick[]>([]);
  const live = useRef(new Set<string>());
  const nextId = useRef(1);

  useEffect(() => {
    const urls = live.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
      urls.clear();
    };
  }, []);

  const add = useCallback(
    (files: readonly File[]): IntakeProblemKey | null => {
      let problem: IntakeProblemKey | null = null;
      const room = CITIZEN_PHOTO_LIMITS.maxFiles - picks.length;
      const fresh: PhotoPick[] = [];
      for (const file of files) {
        const p = photoProblem(file);
        if (p !== null) {
          problem ??= p;
          continue;
        }
        if (fresh.length >= room) {
          problem ??= 'citizen.form.error.tooManyPhotos';
          continue;
        }
        const url = URL.createObjectURL(file);
        live.current.add(url);
        fresh.push({ id: nextId.current++, file, url });
      }
      if (fresh.length > 0) setPicks([...picks, ...fresh]);
      return problem;
    },
    [picks],
  );

  const remove = useCallback(
    (id: number) => {
      const gone = picks.find((p) => p.id === id);
      if (gone === undefined) return;
      URL.revokeObjectURL(gone.url);
      live.current.delete(gone.url);
      setPicks(picks.filter((p) => p.id !== id));
    },
    [picks],
  );

  const clear = useCallback(() => {
    for (const p of picks) {
      URL.revokeObjectURL(p.url);
      live.current.delete(p.url);
    }
    setPicks([]);
  }, [picks]);

  return { picks, add, remove, clear };
}
