// The host page's own cookie, which must not travel to the widget's origin unless the
// publisher opts in with credentials="include".
document.cookie = "reader=1; path=/; SameSite=Lax";
