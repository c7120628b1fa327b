import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logOut } from "~/utils/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": await logOut(request) } });
}
