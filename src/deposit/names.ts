/**
 * Names a deposit's users see, kept apart from the deposit's code (which loads SaxonJS) so that
 * the command line's help can show them without loading it.
 */

/** Where the Dublin Core record is in the bag. */
export const DC_PATH = 'data/metadata/dc.xml';

/** The bag-info labels bagit-python offers as options, by the option name (`--contact-name`). */
export const BAG_INFO_OPTIONS = {
  'source-organization': 'Source-Organization',
  'organization-address': 'Organization-Address',
  'contact-name': 'Contact-Name',
  'contact-phone': 'Contact-Phone',
  'contact-email': 'Contact-Email',
  'external-description': 'External-Description',
  'external-identifier': 'External-Identifier',
  'bag-size': 'Bag-Size',
  'bag-group-identifier': 'Bag-Group-Identifier',
  'bag-count': 'Bag-Count',
  'internal-sender-identifier': 'Internal-Sender-Identifier',
  'internal-sender-description': 'Internal-Sender-Description',
} as const;
