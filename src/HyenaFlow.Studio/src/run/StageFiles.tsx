import { useEffect, useState } from 'react';
import { api, StageFile } from '../api';

const isImage = (path: string) => /\.(png|svg|jpe?g|gif)$/i.test(path);

/** The report files a stage kept: images shown, other files (tables) as links. Read with the API key. */
export function StageFiles({ runId, stageId, settled }: { runId: string; stageId: string; settled: string }) {
  const [files, setFiles] = useState<StageFile[]>([]);
  useEffect(() => {
    let live = true;
    api.files(runId).then(
      (all) => live && setFiles(all.filter((f) => f.stage === stageId)),
      () => live && setFiles([]),
    );
    return () => {
      live = false;
    };
  }, [runId, stageId, settled]);
  if (!files.length) return null;
  return (
    <>
      <h3>Reports</h3>
      <ul className="files" data-testid="stage-files">
        {files.map((f) => (
          <li key={f.path}>
            <FileLink file={f} />
          </li>
        ))}
      </ul>
    </>
  );
}

function FileLink({ file }: { file: StageFile }) {
  const [objectUrl, setObjectUrl] = useState<string>();
  const [error, setError] = useState('');
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    api.fileUrl(file.url).then(
      (u) => {
        // Unmounted meanwhile: nobody will show it, so free it now.
        if (!live) return URL.revokeObjectURL(u);
        url = u;
        setObjectUrl(u);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file.url]);
  if (error) return <span className="error">{file.path}: {error}</span>;
  return (
    <>
      <a href={objectUrl} download={file.path.split('/').pop()}>
        {file.path}
      </a>
      {isImage(file.path) && objectUrl && <img src={objectUrl} alt={file.path} />}
    </>
  );
}
