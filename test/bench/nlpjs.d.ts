// The few parts of nlp.js (@nlpjs/*, CommonJS, no types of its own) the question-methods bench uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    registerConfiguration(tag: string, settings: object, overwrite: boolean): void;
    get(name: 'nlp'): import('@nlpjs/nlp').NlpInstance;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export interface NlpEntity {
    entity: string;
    option?: string;
    sourceText: string;
    start: number;
    end: number;
  }
  export interface NlpResponse {
    locale: string;
    intent: string;
    score: number;
    entities: NlpEntity[];
  }
  export interface NlpInstance {
    settings: { autoSave: boolean; threshold: number };
    /** Run the entity extractors on every question (without slots they run only when this is set). */
    forceNER: boolean;
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    addNerRuleOptionTexts(locale: string, entity: string, option: string, texts: string[]): void;
    train(): Promise<unknown>;
    process(locale: string | undefined, utterance: string): Promise<NlpResponse>;
  }
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-cs' {
  export const LangCs: unknown;
}
declare module '@nlpjs/lang-ja' {
  export const LangJa: unknown;
}
declare module '@nlpjs/lang-zh' {
  export const LangZh: unknown;
}
