import { ok, PASSWORD, teacherWithClass, uniqueEmail } from "./accounts";
import { HttpBrowser } from "./http-client";

/**
 * A school as the attacks need it: its admin (who signed up, with a class) and a teacher who joined by
 * invite, each signed in on their own browser.
 */
export async function schoolWithTeacher(webUrl: string) {
  const admin = new HttpBrowser(webUrl);
  const { email: adminEmail, code } = await teacherWithClass(admin);
  const { token } = ok(await admin.mutate<{ token: string }>("invites.create", null));
  const teacher = new HttpBrowser(webUrl);
  const email = uniqueEmail("okafor");
  const { id } = ok(
    await teacher.mutate<{ id: string }>("invites.accept", {
      token,
      displayName: "Mr Okafor",
      email,
      password: PASSWORD,
    }),
  );
  return { admin, adminEmail, code, teacher, teacherId: id, email };
}

/** A fresh browser signed in as `email`. */
export async function signedIn(webUrl: string, email: string, password = PASSWORD): Promise<HttpBrowser> {
  const browser = new HttpBrowser(webUrl);
  ok(await browser.mutate("auth.signIn", { email, password }));
  return browser;
}
