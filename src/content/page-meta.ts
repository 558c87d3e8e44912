/** What `<head>` needs for any page: an article's, and the newsroom's list and search pages'. */
export interface PageMeta {
  /** The page's own title; the layout adds the site name. */
  title: string;
  description: string;
  /** Site-relative path of the page (`/china/`), made absolute with `SITE_URL`. */
  path: string;
  type: "website" | "article";
}
