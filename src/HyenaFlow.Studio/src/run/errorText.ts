/**
 * A stage's error as its node shows it, in a few short lines: the first line, with the folders of file paths left
 * out (a run's work folder says nothing the reader needs there). The whole error is in the stage panel.
 */
export function nodeErrorText(error: string, max = 200): string {
  const line = error.split(/\r?\n/)[0].replace(/(?:[A-Za-z]:)?[\\/]\S*[\\/]([^\\/\s:]+)/g, '…/$1');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
