import { defineCommand } from '../spec.js';

export const verifySpec = defineCommand({
  name: 'verify',
  synopsis: ['<bag/> [--format text|json]'],
  description: [
    'Checks bagit.txt, every manifest entry present with the right digest (a changed or a missing file), no payload file missing from a manifest (an unlisted file), the tag manifests and Payload-Oxum. Each problem is one line naming the file.',
  ],
  options: {
    format: { type: 'string', default: 'text', value: 'text|json', choices: ['text', 'json'], description: 'problems as text lines on stderr (default) or a JSON result on stdout (schema/verify.schema.json)' },
  },
  examples: [
    { command: 'teikit verify out/bags/SU39', does: 'check a bag made by teikit build or teikit deposit' },
  ],
  exit: { 0: 'valid', 1: 'invalid (or not a bag)', 2: 'usage or I/O error (the folder is missing or unreadable)' },
});
