/**
 * The descriptors an LMS reads when a package is uploaded: imsmanifest.xml for SCORM 1.2 (IMS Content
 * Packaging 1.1.2 with ADL's adlcp_rootv1p2) and SCORM 2004 4th Edition (imscp_v1p1, adlcp_v1p3,
 * imsss, adlseq, adlnav), each with a single SCO; and cmi5.xml, a course of one assignable unit.
 * Pure: strings in, XML out. `xsi:schemaLocation` names the XSD files the package carries at its root
 * (`schemas`), and only those: SCORM 1.2's always, 2004's when asked (src/export/xsd/PROVENANCE.md).
 */
export interface PackageInfo {
  /** The set's id: a slug, so it is a valid XML identifier once prefixed. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Every file of the package, index.html first. */
  readonly files: readonly string[];
  /** The passing share, 0..1. */
  readonly mastery: number;
  /** Whether the package carries its format's XSD files at its root, for the manifest's schemaLocation. */
  readonly schemas?: boolean;
}

/** Each manifest namespace and the XSD file (shipped at the zip's root) that defines it. */
export const SCHEMAS = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const;

const schemaLocation = (info: PackageInfo, pairs: readonly (readonly [string, string])[]): string =>
  info.schemas
    ? `\n  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n  xsi:schemaLocation="${pairs.map(([ns, file]) => `${ns} ${file}`).join(' ')}"`
    : '';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function scorm12Manifest(info: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="codeblanks-${info.id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"${schemaLocation(info, SCHEMAS.scorm12)}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${info.id}">
    <organization identifier="org-${info.id}">
      <title>${esc(info.title)}</title>
      <item identifier="item-${info.id}" identifierref="sco-${info.id}" isvisible="true">
        <title>${esc(info.title)}</title>
        <adlcp:masteryscore>${Math.round(info.mastery * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${info.id}" type="webcontent" adlcp:scormtype="sco" href="index.html">
${info.files.map((f) => `      <file href="${esc(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest(info: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="codeblanks-${info.id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"${schemaLocation(info, SCHEMAS.scorm2004)}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-${info.id}">
    <organization identifier="org-${info.id}" adlseq:objectivesGlobalToSystem="false">
      <title>${esc(info.title)}</title>
      <item identifier="item-${info.id}" identifierref="sco-${info.id}" isvisible="true">
        <title>${esc(info.title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="false"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${info.id}" type="webcontent" adlcp:scormType="sco" href="index.html">
${info.files.map((f) => `      <file href="${esc(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** The IRI the course and its one AU are known by; an LMS keys the learner's records on it. */
export const cmi5Iri = (id: string): string => `https://codeblanks.dev/sets/${id}`;

export function cmi5CourseStructure(info: PackageInfo): string {
  const lang = (text: string) => `<langstring lang="en-US">${esc(text)}</langstring>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${cmi5Iri(info.id)}/course">
    <title>${lang(info.title)}</title>
    <description>${lang(info.description)}</description>
  </course>
  <au id="${cmi5Iri(info.id)}" moveOn="CompletedAndPassed" masteryScore="${info.mastery}" launchMethod="AnyWindow">
    <title>${lang(info.title)}</title>
    <description>${lang(info.description)}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
