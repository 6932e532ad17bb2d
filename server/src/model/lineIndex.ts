/** Offset <-> {line, character} in UTF-16 code units (LSP's default encoding). \r\n, \n and \r end lines. */
export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number { return this.starts.length; }

  /** Any number to a valid offset: NaN and negatives to 0, past the end to the end (spans from a faulty rule). */
  private clamp(offset: number): number {
    if (!(offset > 0)) return 0;
    return offset >= this.text.length ? this.text.length : Math.floor(offset);
  }

  position(offset: number): Position {
    const o = this.clamp(offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  range(start: number, end: number): Range {
    const s = this.clamp(start);
    return { start: this.position(s), end: this.position(Math.max(s, this.clamp(end))) };
  }

  offset(pos: Position): number {
    if (!(pos.line >= 0)) return 0; // negative or NaN (a malformed request)
    if (pos.line >= this.starts.length) return this.text.length;
    if (!Number.isInteger(pos.line)) return this.offset({ line: Math.floor(pos.line), character: pos.character });
    if (!(pos.character >= 0)) return this.starts[pos.line]!;
    const lineStart = this.starts[pos.line]!;
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    let lineEnd = next;
    while (lineEnd > lineStart && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(lineStart + Math.floor(pos.character), lineEnd);
  }
}
