import { fragmentName } from '../../../shared/schema';
import { useLanguage } from '../../language';
import { RichText } from '../RichText';
import type { SectionProps } from './types';

/** One shared rich-text fragment. */
export function RichTextSection({ section, collab }: SectionProps) {
  const { lang } = useLanguage();
  return <RichText collab={collab} fragment={fragmentName(section.key)} label={section.title[lang]} placeholder={section.placeholder?.[lang]} />;
}
