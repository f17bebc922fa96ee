// Daily notes: which file holds a day's note (`journal/2026-12-02.md` by default), from a
// folder and a date format in the moment.js tokens Obsidian and Foam users already write.

const DEFAULT_DAILY_FOLDER = 'journal';
const DEFAULT_DAILY_FORMAT = 'YYYY-MM-DD';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Longest tokens first; `[...]` is literal text, as in moment.js.
const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DDDD|Do|DD|D|dddd|ddd/g;

/** `date` in local time by `format`: YYYY YY MMMM MMM MM M DD D Do dddd ddd, `[text]` literal. */
export function formatDate(date: Date, format: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return format.replace(TOKENS, (token: string, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY': return String(date.getFullYear()).padStart(4, '0');
      case 'YY': return two(date.getFullYear() % 100);
      case 'MMMM': return MONTHS[date.getMonth()];
      case 'MMM': return MONTHS[date.getMonth()].slice(0, 3);
      case 'MM': return two(date.getMonth() + 1);
      case 'M': return String(date.getMonth() + 1);
      case 'DD': return two(date.getDate());
      case 'D': return String(date.getDate());
      case 'Do': return ordinal(date.getDate());
      case 'dddd': return DAYS[date.getDay()];
      case 'ddd': return DAYS[date.getDay()].slice(0, 3);
      default: return token; // DDDD (day of year) is not offered: left as written
    }
  });
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The same local day `days` later (or earlier), keeping the time of day. */
export function addDays(date: Date, days: number): Date {
  const d = new Date(date.getTime());
  d.setDate(d.getDate() + days);
  return d;
}

/**
 * The link target of a day's note, from the vault root: `/journal/2026-12-02`. A format with
 * `/` makes subfolders (`YYYY/MM/YYYY-MM-DD`). planNewNote turns it into the file path.
 */
export function dailyNoteTarget(date: Date, options: { folder?: string; format?: string } = {}): string {
  const folder = (options.folder ?? DEFAULT_DAILY_FOLDER).trim().replace(/^\/+|\/+$/g, '');
  const format = (options.format ?? '').trim() || DEFAULT_DAILY_FORMAT;
  const name = formatDate(date, format);
  return '/' + (folder === '' ? name : `${folder}/${name}`);
}
