/**
 * Fictional names from many cultures, and LinkedIn-style public ids (slugs) made from them.
 * Pools mix common given names and surnames, so any full name is a random pairing, not a real
 * person. Non-Latin entries carry a Latin spelling (`李|li`) used for some slugs, as people do.
 * Cost: O(1) per name.
 */

/** A culture's name pools. Entries are `display` or `display|latin`. */
export interface NameCulture {
  id: string;
  first: readonly string[];
  last: readonly string[];
}

// Entries are space-separated; `_` stands for a space inside a name (`de_Vries`).
const split = (s: string): readonly string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' '));

/** The name pools, one per culture; clusters draw from the cultures common in their city. */
export const CULTURES = [
  {
    id: 'anglo',
    first: split(
      'James Emily Michael Sarah David Jessica Chris Ashley Ryan Megan Brian Laura Kevin Rachel Jason Hannah Tyler Olivia Ethan Grace Noah Chloe Liam Ava',
    ),
    last: split(
      "Smith Johnson Carter Walsh Bennett Hughes Parker Foster Reynolds Hayes Brooks Sullivan Murphy O'Brien O'Connor Kelly Whitaker Donnelly Fletcher Gallagher Price Sanders Morgan-Price Hart",
    ),
  },
  {
    id: 'irish',
    first: split('Siobhán Ciarán Aoife Niamh Seán Róisín Eoin Caoimhe Darragh Orla Pádraig Saoirse'),
    last: split("O'Brien O'Sullivan McCarthy Ó_Briain O'Neill Ní_Dhomhnaill Byrne Kavanagh Ryan Doyle"),
  },
  {
    id: 'nordic',
    first: split('Maja Lars Ingrid Henrik Astrid Søren Freja Mikkel Sigrid Björn Linnea Åsa Mads Ebba Jonas Kari'),
    last: split(
      'Lindqvist Johansson Nielsen Andersen Halvorsen Sørensen Bergström Åberg Lund Dahl Kristiansen Ekström',
    ),
  },
  {
    id: 'german',
    first: split('Lukas Anna Jonas Lea Felix Marie Maximilian Sophie Jürgen Katrin Matthias Jana Tobias Lena Moritz'),
    last: split(
      'Müller Schmidt Schneider Fischer Weber Becker Hoffmann Schäfer Köhler Wagner Krüger Schulze Weiß Zimmermann Bauer-Lenz',
    ),
  },
  {
    id: 'french',
    first: split('Camille Louis Léa Hugo Chloé Théo Manon Jules Inès Gabriel Élodie Mathéo Zoé Antoine Clémence'),
    last: split(
      'Martin Bernard Dubois Lefèvre Moreau Laurent Girard Fontaine Rousseau Mercier Blanc Chevalier Dupont-Aignan',
    ),
  },
  {
    id: 'iberian',
    first: split('João Inês Tiago Beatriz Rui Mariana Duarte Leonor José María Pablo Lucía Álvaro Carmen Javier Nuño'),
    last: split(
      'Ferreira Carvalho Gonçalves Sousa Rodrigues Pereira García Fernández López Martínez Sánchez Núñez Castro Almeida Peña',
    ),
  },
  {
    id: 'brazilian',
    first: split('Thiago Ana Luiz Juliana Rafael Camila Gustavo Larissa Vinícius Fernanda Matheus Letícia Caio Bruna'),
    last: split('Silva Santos Oliveira Souza Lima Costa Ribeiro Araújo Barbosa Cardoso Nascimento Magalhães Conceição'),
  },
  {
    id: 'italian',
    first: split('Giulia Marco Francesca Luca Chiara Alessandro Sara Matteo Federica Davide Elena Niccolò'),
    last: split("Rossi Bianchi Romano Colombo Ricci Marino Greco Bruno Conti De_Luca D'Angelo Esposito Galli"),
  },
  {
    id: 'dutch',
    first: split('Daan Sanne Bram Lotte Sem Fleur Thijs Anouk Ruben Eva Joost Femke Stijn Maartje'),
    last: split('de_Vries van_Dijk Jansen Bakker Visser Smit Meijer de_Jong Mulder van_den_Berg Bos Vermeulen Dekker'),
  },
  {
    id: 'polish',
    first: split('Katarzyna Piotr Agnieszka Tomasz Małgorzata Paweł Magdalena Łukasz Joanna Michał'),
    last: split('Kowalski Nowak Wiśniewska Wójcik Kamińska Lewandowski Zieliński Szymańska Dąbrowski Kozłowska'),
  },
  {
    id: 'greek',
    first: split(
      'Ελένη|eleni Γιώργος|giorgos Μαρία|maria Νίκος|nikos Κατερίνα|katerina Δημήτρης|dimitris Eleni Giorgos Nikos Sofia',
    ),
    last: split(
      'Παπαδοπούλου|papadopoulou Οικονόμου|oikonomou Γεωργίου|georgiou Papadopoulos Nikolaidis Konstantinou Alexiou',
    ),
  },
  {
    id: 'russian',
    first: split(
      'Дмитрий|dmitry Анна|anna Сергей|sergey Ольга|olga Алексей|alexey Екатерина|ekaterina Dmitry Irina Pavel Yulia',
    ),
    last: split('Иванов|ivanov Смирнова|smirnova Кузнецов|kuznetsov Попова|popova Volkov Sokolova Morozov Lebedeva'),
  },
  {
    id: 'arabic',
    first: split('أحمد|ahmed فاطمة|fatima محمد|mohammed ليلى|layla Omar Yasmin Khalid Noor Tariq Rania Hassan Amira'),
    last: split('الحسن|alhassan منصور|mansour Haddad Khoury Al-Farsi Nasser Saleh El-Amin Aziz Rahman Al_Mansoori'),
  },
  {
    id: 'chinese',
    first: split('伟|wei 芳|fang 静|jing 磊|lei 敏|min 洋|yang 婷|ting 杰|jie Wei Jing Hao Xin Mei Ling'),
    last: split('李|li 王|wang 张|zhang 刘|liu 陈|chen 杨|yang 黄|huang 赵|zhao Li Wang Zhang Chen Liu Zhou Wu'),
  },
  {
    id: 'japanese',
    first: split('Yuki Haruto Sakura Kenji Aiko Takumi Mei Ren 翔太|shota 美咲|misaki'),
    last: split('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura 小林|kobayashi 加藤|kato'),
  },
  {
    id: 'korean',
    first: split('Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo 지민|jimin 서준|seojun'),
    last: split('Kim Lee Park Choi Jung Kang 김|kim 박|park'),
  },
  {
    id: 'indian',
    first: split('Priya Rahul Ananya Arjun Deepika Vikram Sneha Rohan Kavya Aditya Meera Sanjay Lakshmi Karthik'),
    last: split('Sharma Patel Iyer Reddy Gupta Nair Krishnan Menon Desai Chatterjee Rao Bhattacharya Subramanian'),
  },
  {
    id: 'west-african',
    first: split('Chinedu Ngozi Oluwaseun Adaeze Emeka Folake Kwame Abena Tunde Chiamaka Kofi Yetunde'),
    last: split('Okafor Adeyemi Okonkwo Mensah Boateng Eze Balogun Nwosu Asante Adebayo Ogunleye Owusu'),
  },
  {
    id: 'turkish',
    first: split('Emre Zeynep Mehmet Elif Can Ayşe Burak Selin Oğuz Defne'),
    last: split('Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç'),
  },
  {
    id: 'latin-american',
    first: split('Alejandro Valentina Santiago Camila Mateo Daniela Sebastián Isabella Diego Gabriela'),
    last: split('Hernández González Ramírez Torres Flores Vargas Morales Ortiz Gutiérrez Rojas Mendoza Cruz'),
  },
] as const satisfies readonly NameCulture[];

/** Id of one of CULTURES. */
export type CultureId = (typeof CULTURES)[number]['id'];

/** Credentials some people put in their last name; the comma ones need CSV quoting. */
const CREDENTIALS = [', PhD', ', CPA', ', MBA', ' CPA', ', PMP', ', CFA', ' MD', ', Esq.', ', PE'] as const;
const EMOJI = ['🚀', '🌍', '✨', '🌱', '📈', '☕'] as const;

/** A generated name with the Latin spelling used for slugs and e-mails. */
export interface SampleName {
  firstName: string;
  lastName: string;
  /** Spelling used for the public id: the display name or its Latin form, lower-case, NFC. */
  slugBase: string;
  /** ASCII-only form for e-mail addresses (may be empty for non-Latin names). */
  asciiBase: string;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Memoises a pure string function: the name pools are small, so nearly every call is a hit. */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

const fold = memo((s) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i'),
);

const slugPart = memo((s) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC'),
);

const scriptCache = new Map<string, { first: readonly string[]; last: readonly string[] }>();

/** The entries written in a non-Latin script (`李|li`) of a culture, cached. */
function getScriptEntries(culture: NameCulture): { first: readonly string[]; last: readonly string[] } {
  let entries = scriptCache.get(culture.id);
  if (!entries) {
    entries = {
      first: culture.first.filter((e) => e.includes('|')),
      last: culture.last.filter((e) => e.includes('|')),
    };
    scriptCache.set(culture.id, entries);
  }
  return entries;
}

const toAscii = memo((s) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z]/g, ''),
);

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Splits `display|latin`; in Latin mode the display is the capitalised Latin spelling. */
function toParts(entry: string, latinMode: boolean): { display: string; latin: string } {
  const [display = 'Alex', latin] = entry.split('|');
  if (latin === undefined) return { display, latin: display };
  return latinMode ? { display: capitalise(latin), latin } : { display, latin };
}

const DOUBLE_BARREL_CULTURES = new Set([
  'anglo',
  'german',
  'french',
  'iberian',
  'brazilian',
  'west-african',
  'latin-american',
]);

/** A name from `culture`; with small probabilities a credential, an emoji or a double-barrelled surname. */
export function getSampleName(rng: () => number, culture: NameCulture): SampleName {
  // Cultures with a non-Latin script write both names in it 60% of the time, else both in Latin letters.
  const script = getScriptEntries(culture);
  const inScript = script.first.length > 0 && script.last.length > 0 && rng() < 0.6;
  const first = toParts(pick(rng, inScript ? script.first : culture.first), !inScript);
  const last = toParts(pick(rng, inScript ? script.last : culture.last), !inScript);
  let firstName = first.display;
  let lastName = last.display;
  let cleanLast = lastName;
  const r = rng();
  if (r < 0.02) lastName = `${lastName}${pick(rng, CREDENTIALS)}`;
  else if (r < 0.03) firstName = `${firstName} ${pick(rng, EMOJI)}`;
  else if (r < 0.05 && DOUBLE_BARREL_CULTURES.has(culture.id)) {
    lastName = `${lastName}-${toParts(pick(rng, culture.last), true).display}`;
    cleanLast = lastName;
  }
  const cleanFirst = first.display;
  const latinFirst = inScript ? first.latin : cleanFirst;
  const latinLast = inScript ? last.latin : cleanLast;
  // Slugs keep accents and scripts about half the time; LinkedIn percent-encodes them in Connections.csv.
  const keepScript = rng() < 0.5;
  const slugBase = keepScript
    ? `${slugPart(cleanFirst)}-${slugPart(cleanLast)}`
    : `${slugPart(fold(latinFirst))}-${slugPart(fold(latinLast))}`;
  const asciiBase = `${toAscii(latinFirst)}.${toAscii(latinLast)}`;
  return { firstName, lastName, slugBase, asciiBase };
}

/** Unique public ids: the first holder of a base may get the bare vanity id, others get a hex suffix. */
export function createSlugMaker(rng: () => number): (base: string) => string {
  const used = new Set<string>();
  return (base: string) => {
    let slug = base;
    if (used.has(slug) || rng() < 0.7) {
      do {
        const len = rng() < 0.5 ? 4 : 8;
        slug = `${base}-${Math.floor(rng() * 16 ** len)
          .toString(16)
          .padStart(len, '0')}`;
      } while (used.has(slug));
    }
    used.add(slug);
    return slug;
  };
}
